import express from 'express';
import { DataSource } from 'typeorm';

const AppDataSource = new DataSource({ type: 'postgres', database: 'app' });
const app = express();

app.get('/customers', async (req, res) => {
  const name = req.query.name;
  res.json(await AppDataSource.query(`SELECT * FROM customers WHERE name = '${name}'`)); // expect: sql-injection
});

app.listen(3000);
