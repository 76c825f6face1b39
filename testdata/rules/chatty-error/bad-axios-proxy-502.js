// The upstream's response body from an axios error is passed through with a 502.
const express = require('express');
const axios = require('axios');

const billing = axios.create({ baseURL: process.env.BILLING_URL, headers: { Authorization: `Bearer ${process.env.BILLING_TOKEN}` } });
const app = express();

app.get('/api/billing/:accountId', async (req, res) => {
  try {
    const { data } = await billing.get(`/accounts/${encodeURIComponent(req.params.accountId)}`);
    res.json(data);
  } catch (err) {
    res.status(502).json({ error: 'Billing service failed', upstream: err.response?.data }); // expect: chatty-error
  }
});

app.listen(3000);
