package kz.bilim.standard.internal;

import kz.bilim.territory.Territory;

import java.time.LocalDate;
import java.util.List;

/** MS-1: the network review of a territory on a day, the settlements with a shortfall first. */
public record NetworkReport(Territory territory, LocalDate asOf, List<SettlementNetwork> settlements) {

    public NetworkReport {
        settlements = List.copyOf(settlements);
    }

    public long shortfalls() {
        return settlements.stream().filter(SettlementNetwork::shortfall).count();
    }
}
