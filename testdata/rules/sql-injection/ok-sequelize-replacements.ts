import express from 'express';
import { Sequelize, QueryTypes } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:');
const app = express();

app.get('/orders', async (req, res) => {
  const rows = await sequelize.query('SELECT * FROM orders WHERE status = :status', {
    replacements: { status: req.query.status },
    type: QueryTypes.SELECT,
  });
  res.json(rows);
});

app.listen(3000);
