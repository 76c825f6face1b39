const express = require('express');
const asyncHandler = require('express-async-handler');
const Ticket = require('./ticket');
const catchAsync = require('./utils/catch-async');

const app = express();
app.use(express.json());

const PRIORITY = { urgent: '^(P0|P1)', normal: '^P2', low: '^(P3|P4)' };

app.get('/tickets', catchAsync(async (req, res) => {
  const level = Object.hasOwn(PRIORITY, req.query.level) ? req.query.level : 'normal';
  res.json(await Ticket.find({ subject: { $regex: PRIORITY[level] } }));
}));

app.post('/tickets/grep', asyncHandler(async (req, res) => {
  const tickets = await Ticket.find().lean();
  const kind = req.body.kind === 'bug' ? 'bug|defect' : 'feature|request';
  res.json(tickets.filter((t) => t.body.search(kind) !== -1));
}));

app.listen(3000);
