// A route arms a watchdog timer whose callback throws: the throw happens after the handler returned, outside Express.
import express from 'express';
import sqlite3 from 'sqlite3';

const db = new sqlite3.Database(process.env.DB_FILE ?? 'reports.db');
const app = express();

app.get('/reports/:id', (req, res, next) => {
  const watchdog = setTimeout(() => { throw new Error(`report ${req.params.id} took too long`); }, 30000); // expect: swallowed-crash
  db.all('SELECT day, total FROM report_rows WHERE report_id = ?', [req.params.id], (err, rows) => {
    clearTimeout(watchdog);
    if (err) return next(err);
    res.json(rows);
  });
});

app.listen(3000);
