const express = require('express');
const asyncHandler = require('express-async-handler');
const Ticket = require('./ticket');
const catchAsync = require('./utils/catch-async');

const app = express();
app.use(express.json());

app.get('/tickets', catchAsync(async (req, res) => {
  const subject = req.query.subject || '';
  res.json(await Ticket.find({ subject: { $regex: `.*${subject}.*` } })); // expect: regex-injection
}));

app.post('/tickets/grep', asyncHandler(async (req, res) => {
  const tickets = await Ticket.find().lean();
  const hits = tickets.filter((t) => t.body.search(req.body.expr) !== -1); // expect: regex-injection
  res.json(hits);
}));

app.listen(3000);
