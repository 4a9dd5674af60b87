-- TR-15: a departure abroad on paper ends at the departing school with its expulsion order (no coupons)
alter table transfer_application drop constraint transfer_application_state_check;
alter table transfer_application add constraint transfer_application_state_check
    check (state in ('SUBMITTED', 'ACCEPTED', 'ARRIVAL_COUPON_ISSUED', 'DEPARTURE_COUPON_ISSUED', 'ADMITTED', 'REFUSED',
                     'DEPARTED_ABROAD'));
