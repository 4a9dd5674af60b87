-- TR-18: the refusal receipt names the provider's representative with their position (e.g. a school's director)
alter table app_user add column position text;
alter table app_user add constraint app_user_position_check check (position is null or (position <> '' and length(position) <= 200));
