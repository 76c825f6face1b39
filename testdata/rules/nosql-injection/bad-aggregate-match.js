const express = require('express');
const mongoose = require('mongoose');

const Sale = mongoose.model('Sale', new mongoose.Schema({ region: String, total: Number }));
const app = express();
app.use(express.json());

app.post('/reports', async (req, res) => {
  const rows = await Sale.aggregate([ // expect: nosql-injection
    { $match: { region: req.body.region } },
    { $group: { _id: '$region', total: { $sum: '$total' } } },
  ]);
  res.json(rows);
});

app.listen(3000);
