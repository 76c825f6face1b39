// A ValidationError gets its message with a 422; every other error gets a generic 500.
const express = require('express');

class ValidationError extends Error {
  constructor(message, field) {
    super(message);
    this.name = 'ValidationError';
    this.field = field;
  }
}

function parseQuantity(value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ValidationError('quantity must be a positive integer', 'quantity');
  return n;
}

const app = express();
app.use(express.json());

app.post('/cart/items', async (req, res) => {
  try {
    const qty = parseQuantity(req.body.quantity);
    res.status(201).json({ sku: String(req.body.sku), qty });
  } catch (err) {
    if (err instanceof ValidationError) {
      return res.status(422).json({ error: err.message, field: err.field });
    }
    console.error(err);
    res.status(500).json({ error: 'Something went wrong' });
  }
});

app.listen(3000);
