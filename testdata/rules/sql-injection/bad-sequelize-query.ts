import express from 'express';
import { Sequelize } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:');
const app = express();

app.get('/orders', async (req, res) => {
  const status = req.query.status as string;
  const rows = await sequelize.query('SELECT * FROM orders WHERE status = ' + status); // expect: sql-injection
  res.json(rows);
});

app.listen(3000);
