// Dates as intervals (issue #19): every date gets the first and last day it may denote,
// `<date>Earliest` and `<date>Latest`, from its day and its precision (docs/model.md, "Time"),
// as the API and both importers write them. Fills what a graph written before lacks (the seed
// scripts above, older imports); bounds already stored (the article's 12-14 March) are kept.
// Idempotent: only elements with a date lacking a bound are touched, in batches. Apply to an
// existing graph with `npm run cypher -- cypher/seed` (it runs only what is new).

MATCH (n:Event)
WHERE (n.startDate IS NOT NULL AND (n.startDateEarliest IS NULL OR n.startDateLatest IS NULL)) OR (n.endDate IS NOT NULL AND (n.endDateEarliest IS NULL OR n.endDateLatest IS NULL))
CALL (n) {
  SET n.startDateEarliest = CASE WHEN n.startDate IS NULL THEN null ELSE coalesce(n.startDateEarliest, n.startDate) END,
      n.startDateLatest = CASE WHEN n.startDate IS NULL THEN null ELSE coalesce(n.startDateLatest, CASE n.startDatePrecision
        WHEN 'WEEK' THEN n.startDate + duration('P6D')
        WHEN 'MONTH' THEN n.startDate + duration('P1M') - duration('P1D')
        WHEN 'QUARTER' THEN n.startDate + duration('P3M') - duration('P1D')
        WHEN 'YEAR' THEN n.startDate + duration('P1Y') - duration('P1D')
        ELSE n.startDate END) END,
      n.endDateEarliest = CASE WHEN n.endDate IS NULL THEN null ELSE coalesce(n.endDateEarliest, n.endDate) END,
      n.endDateLatest = CASE WHEN n.endDate IS NULL THEN null ELSE coalesce(n.endDateLatest, CASE n.endDatePrecision
        WHEN 'WEEK' THEN n.endDate + duration('P6D')
        WHEN 'MONTH' THEN n.endDate + duration('P1M') - duration('P1D')
        WHEN 'QUARTER' THEN n.endDate + duration('P3M') - duration('P1D')
        WHEN 'YEAR' THEN n.endDate + duration('P1Y') - duration('P1D')
        ELSE n.endDate END) END
} IN TRANSACTIONS OF 10000 ROWS;

MATCH (n:Claim)
WHERE (n.madeAt IS NOT NULL AND (n.madeAtEarliest IS NULL OR n.madeAtLatest IS NULL)) OR (n.validFrom IS NOT NULL AND (n.validFromEarliest IS NULL OR n.validFromLatest IS NULL)) OR (n.validTo IS NOT NULL AND (n.validToEarliest IS NULL OR n.validToLatest IS NULL))
CALL (n) {
  SET n.madeAtEarliest = CASE WHEN n.madeAt IS NULL THEN null ELSE coalesce(n.madeAtEarliest, n.madeAt) END,
      n.madeAtLatest = CASE WHEN n.madeAt IS NULL THEN null ELSE coalesce(n.madeAtLatest, CASE n.madeAtPrecision
        WHEN 'WEEK' THEN n.madeAt + duration('P6D')
        WHEN 'MONTH' THEN n.madeAt + duration('P1M') - duration('P1D')
        WHEN 'QUARTER' THEN n.madeAt + duration('P3M') - duration('P1D')
        WHEN 'YEAR' THEN n.madeAt + duration('P1Y') - duration('P1D')
        ELSE n.madeAt END) END,
      n.validFromEarliest = CASE WHEN n.validFrom IS NULL THEN null ELSE coalesce(n.validFromEarliest, n.validFrom) END,
      n.validFromLatest = CASE WHEN n.validFrom IS NULL THEN null ELSE coalesce(n.validFromLatest, CASE n.validFromPrecision
        WHEN 'WEEK' THEN n.validFrom + duration('P6D')
        WHEN 'MONTH' THEN n.validFrom + duration('P1M') - duration('P1D')
        WHEN 'QUARTER' THEN n.validFrom + duration('P3M') - duration('P1D')
        WHEN 'YEAR' THEN n.validFrom + duration('P1Y') - duration('P1D')
        ELSE n.validFrom END) END,
      n.validToEarliest = CASE WHEN n.validTo IS NULL THEN null ELSE coalesce(n.validToEarliest, n.validTo) END,
      n.validToLatest = CASE WHEN n.validTo IS NULL THEN null ELSE coalesce(n.validToLatest, CASE n.validToPrecision
        WHEN 'WEEK' THEN n.validTo + duration('P6D')
        WHEN 'MONTH' THEN n.validTo + duration('P1M') - duration('P1D')
        WHEN 'QUARTER' THEN n.validTo + duration('P3M') - duration('P1D')
        WHEN 'YEAR' THEN n.validTo + duration('P1Y') - duration('P1D')
        ELSE n.validTo END) END
} IN TRANSACTIONS OF 10000 ROWS;

MATCH (n:Source)
WHERE (n.publishedAt IS NOT NULL AND (n.publishedAtEarliest IS NULL OR n.publishedAtLatest IS NULL))
CALL (n) {
  SET n.publishedAtEarliest = CASE WHEN n.publishedAt IS NULL THEN null ELSE coalesce(n.publishedAtEarliest, n.publishedAt) END,
      n.publishedAtLatest = CASE WHEN n.publishedAt IS NULL THEN null ELSE coalesce(n.publishedAtLatest, CASE n.publishedAtPrecision
        WHEN 'WEEK' THEN n.publishedAt + duration('P6D')
        WHEN 'MONTH' THEN n.publishedAt + duration('P1M') - duration('P1D')
        WHEN 'QUARTER' THEN n.publishedAt + duration('P3M') - duration('P1D')
        WHEN 'YEAR' THEN n.publishedAt + duration('P1Y') - duration('P1D')
        ELSE n.publishedAt END) END
} IN TRANSACTIONS OF 10000 ROWS;

MATCH ()-[r:PART_OF|ALIGNED_WITH|HOLDS_POSITION]->()
WHERE (r.from IS NOT NULL AND (r.fromEarliest IS NULL OR r.fromLatest IS NULL)) OR (r.to IS NOT NULL AND (r.toEarliest IS NULL OR r.toLatest IS NULL))
CALL (r) {
  SET r.fromEarliest = CASE WHEN r.from IS NULL THEN null ELSE coalesce(r.fromEarliest, r.from) END,
      r.fromLatest = CASE WHEN r.from IS NULL THEN null ELSE coalesce(r.fromLatest, CASE r.fromPrecision
        WHEN 'WEEK' THEN r.from + duration('P6D')
        WHEN 'MONTH' THEN r.from + duration('P1M') - duration('P1D')
        WHEN 'QUARTER' THEN r.from + duration('P3M') - duration('P1D')
        WHEN 'YEAR' THEN r.from + duration('P1Y') - duration('P1D')
        ELSE r.from END) END,
      r.toEarliest = CASE WHEN r.to IS NULL THEN null ELSE coalesce(r.toEarliest, r.to) END,
      r.toLatest = CASE WHEN r.to IS NULL THEN null ELSE coalesce(r.toLatest, CASE r.toPrecision
        WHEN 'WEEK' THEN r.to + duration('P6D')
        WHEN 'MONTH' THEN r.to + duration('P1M') - duration('P1D')
        WHEN 'QUARTER' THEN r.to + duration('P3M') - duration('P1D')
        WHEN 'YEAR' THEN r.to + duration('P1Y') - duration('P1D')
        ELSE r.to END) END
} IN TRANSACTIONS OF 10000 ROWS;
