import express from 'express';
import Knex from 'knex';

const knex = Knex({ client: 'mysql2', connection: process.env.DATABASE_URL });
const app = express();

app.get('/books', async (req, res) => {
  const term = req.query.q || '';
  const [rows] = await knex.raw('SELECT * FROM books WHERE title LIKE ?', [`%${term}%`]);
  const byAuthor = await knex('books')
    .whereRaw('author = :author', { author: req.query.author })
    .orderByRaw('?? DESC', ['published_at']);
  const count = await knex.raw('SELECT COUNT(*) FROM books WHERE shelf = :shelf', { shelf: req.query.shelf });
  res.json({ rows, byAuthor, count });
});

app.listen(3000);
