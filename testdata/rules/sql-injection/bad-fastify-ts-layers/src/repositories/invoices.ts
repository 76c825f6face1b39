import { Pool } from 'pg';

const pool = new Pool();

export const invoiceRepository = {
  async list(customer: string, order: string) {
    const { rows } = await pool.query( // expect: sql-injection
      `SELECT * FROM invoices WHERE customer = $1 ORDER BY ${order}`,
      [customer],
    );
    return rows;
  },

  async totals(currency: string) {
    const sql = 'SELECT SUM(amount) FROM invoices WHERE currency = \'' + currency + '\'';
    const { rows } = await pool.query(sql); // expect: sql-injection
    return rows[0];
  },
};
