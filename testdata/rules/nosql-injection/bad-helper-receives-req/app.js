const express = require('express');
const { findAccount } = require('./lib/accounts');

const app = express();
app.use(express.json());

app.post('/accounts/find', async (req, res) => {
  res.json(await findAccount(req));
});

app.listen(3000);
