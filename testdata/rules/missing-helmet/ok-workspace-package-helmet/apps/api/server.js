const express = require('express');
const { secure } = require('@acme/security');

const app = secure(express());

app.get('/invoices', (req, res) => {
  res.json([]);
});

app.listen(3000);
