import express from 'express';
import Knex from 'knex';

const knex = Knex({ client: 'mysql2', connection: process.env.DATABASE_URL });
const app = express();

app.get('/books', async (req, res) => {
  const term = req.query.q || '';
  const author = req.query.author ? req.query.author : 'anonymous';
  const [rows] = await knex.raw("SELECT * FROM books WHERE title LIKE '%" + term + "%'"); // expect: sql-injection
  const byAuthor = await knex('books').select('*').orderByRaw(`author = '${author}' DESC`); // expect: sql-injection
  res.json({ rows, byAuthor });
});

app.listen(3000);
