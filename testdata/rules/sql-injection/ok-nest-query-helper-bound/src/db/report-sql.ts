import type { QueryConfig } from 'pg';

// The SQL text is constant; the filters travel as parameters.
export function regionQuery(region: string): QueryConfig {
  return { text: 'SELECT * FROM regions WHERE code = $1', values: [region] };
}

export function summaryQuery(region: string, from?: string): [string, unknown[]] {
  let sql = 'SELECT region, SUM(total) AS total FROM sales WHERE region = $1';
  const values: unknown[] = [region];
  if (from) {
    values.push(from);
    sql += ` AND created_at >= $${values.length}`;
  }
  return [sql + ' GROUP BY region', values];
}
