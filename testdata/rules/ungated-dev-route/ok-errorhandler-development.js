const express = require('express');
const errorhandler = require('errorhandler');
const morgan = require('morgan');
const Invoice = require('./models/invoice');

const app = express();
const invoices = express.Router();

invoices.get('/:id', async (req, res, next) => {
  try {
    const invoice = await Invoice.findById(req.params.id);
    if (!invoice) return res.sendStatus(404);
    res.json(invoice);
  } catch (err) {
    next(err);
  }
});

app.use(morgan('combined'));
app.use(express.json());
app.use('/api/invoices', invoices);

if (process.env.NODE_ENV === 'development') {
  // Full HTML stack traces, on a developer's machine only.
  app.use(errorhandler());
} else {
  app.use((err, req, res, next) => {
    console.error(err);
    res.status(500).json({ error: 'internal server error' });
  });
}

app.listen(process.env.PORT || 8080);
