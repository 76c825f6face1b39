const express = require('express');
const cookieParser = require('cookie-parser');
const { Client } = require('pg');

const client = new Client();
client.connect();
const app = express();
app.use(cookieParser());

app.get('/cart', async (req, res) => {
  const cartId = req.cookies.cart;
  const result = await client.query({ text: `SELECT * FROM cart_items WHERE cart_id = '${cartId}'` }); // expect: sql-injection
  res.json(result.rows);
});

app.listen(3000);
