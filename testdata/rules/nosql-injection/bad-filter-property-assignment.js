const express = require('express');
const mongoose = require('mongoose');

const Ticket = mongoose.model('Ticket', new mongoose.Schema({ status: String, assignee: String }));
const app = express();
app.use(express.json());

app.post('/tickets/search', async (req, res) => {
  const filter = { status: 'open' };
  if (req.body.assignee) {
    filter.assignee = req.body.assignee;
  }
  const tickets = await Ticket.find(filter); // expect: nosql-injection
  res.json(tickets);
});

app.listen(3000);
