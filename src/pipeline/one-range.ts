/**
 * A file smaller than this is read in one range whatever `workers` says (`rangeCount` of parallel.ts gives 1 under
 * its least range; a test holds the two together). Such a file is read without importing parallel.ts, whose header
 * probe uses the in-memory reader and so loads zod: a small file of valid rows loads none (issue 13's start-up).
 */
export const ONE_RANGE_BELOW_BYTES = 1 << 18;
