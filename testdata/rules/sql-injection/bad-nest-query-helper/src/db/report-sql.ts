// Builds the report queries from the filters the dashboard sends.
export function regionSql(region: string): string {
  return "SELECT * FROM regions WHERE code = '" + region + "'";
}

export function summarySql(region: string, from?: string): string {
  let sql = `SELECT region, SUM(total) AS total FROM sales WHERE region = '${region}'`;
  if (from) {
    sql += ` AND created_at >= '${from}'`;
  }
  return sql + ' GROUP BY region';
}
