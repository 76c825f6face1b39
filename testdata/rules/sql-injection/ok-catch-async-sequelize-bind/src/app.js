const express = require('express');
const { QueryTypes } = require('sequelize');
const sequelize = require('./db');
const catchAsync = require('./utils/catchAsync');

const app = express();
app.use(express.json());

app.get(
  '/orders',
  catchAsync(async (req, res) => {
    const status = req.query.status ?? 'open';
    const orders = await sequelize.query('SELECT * FROM orders WHERE status = $1', {
      bind: [status],
      type: QueryTypes.SELECT,
    });
    res.json(orders);
  }),
);

app.post(
  '/orders/search',
  catchAsync(async (req, res) => {
    const { customer, statuses = [] } = req.body;
    const orders = await sequelize.query('SELECT * FROM orders WHERE customer = :customer AND status IN (:statuses)', {
      replacements: { customer, statuses },
      type: QueryTypes.SELECT,
    });
    res.json(orders);
  }),
);

app.listen(3000);
