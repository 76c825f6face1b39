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

// Nice HTML stack traces while developing. Registered unconditionally, so
// production users get them too.
app.use(errorhandler()); // expect: ungated-dev-route

app.listen(process.env.PORT || 8080);
