-- MS-4: transport of rural pupils to school — for a pupil living in a settlement without a school of their level, when
-- the school is more than 3 km away or a natural barrier (a river, a lake) lies between: the distance and the barrier
-- are what the district office knows of the route (no registry holds them); the residence comes from the registry.
alter table standard_support drop constraint standard_support_kind_check;
alter table standard_support add constraint standard_support_kind_check
    check (kind in ('FREE_MEALS', 'CAMP_VOUCHER', 'HOME_SCHOOLING', 'TRANSPORT'));
alter table standard_support add column distance_km numeric(5, 1) check (distance_km > 0);
alter table standard_support add column barrier text check (barrier in ('RIVER', 'LAKE'));
alter table standard_support drop constraint standard_support_check;
alter table standard_support add constraint standard_support_fields_check check (case kind
    when 'HOME_SCHOOLING' then place is not null and category is null and distance_km is null
    when 'TRANSPORT' then place is null and category is null and distance_km is not null
    else place is null and category is not null and distance_km is null end);
