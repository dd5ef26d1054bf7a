package com.towerco.simulator.domain;

/**
 * A region of the fleet and its climate: where its sites are, how warm it is on average and
 * how far the temperature swings between night and afternoon, and its offset from UTC (which
 * decides when the daily load and temperature peaks happen in event time).
 */
public record Region(String id, double latitude, double longitude, double meanAmbientC,
    double dailySwingC, int utcOffsetHours) {}
