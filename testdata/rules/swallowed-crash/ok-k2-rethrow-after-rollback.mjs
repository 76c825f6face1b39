// A transfer service rolls back and rethrows in its catch; the route passes the error to next(err).
import express from 'express';
import pg from 'pg';

const pool = new pg.Pool();
const app = express();
app.use(express.json());

async function transfer(from, to, amount) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [amount, from]);
    await client.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [amount, to]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

app.post('/transfers', async (req, res, next) => {
  try {
    await transfer(req.body.from, req.body.to, Number(req.body.amount));
    res.status(201).json({ ok: true });
  } catch (err) {
    next(err);
  }
});

app.listen(3000);
