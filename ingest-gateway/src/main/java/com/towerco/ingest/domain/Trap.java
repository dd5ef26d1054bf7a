package com.towerco.ingest.domain;

import java.util.Map;

/**
 * An SNMP trap or inform as received, protocol library aside: who sent it ({@code agent}, the
 * sender's address without port), its {@code snmpTrapOID.0}, its varbinds (OID to value as
 * text, in order), the sender's {@code sysUpTime.0} and the PDU's request id (an inform
 * retransmitted keeps both, so it maps to the same event id).
 */
public record Trap(String agent, String trapOid, Map<String, String> varbinds, String upTime,
    int requestId) {}
