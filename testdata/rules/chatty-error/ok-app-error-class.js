// A project AppError is shown with its own status; any other error gets a generic 500.
const express = require('express');

class AppError extends Error {
  constructor(message, statusCode) {
    super(message);
    this.statusCode = statusCode;
  }
}

const accounts = new Map();

const app = express();
app.use(express.json());

app.post('/accounts', (req, res) => {
  const email = String(req.body.email || '');
  if (accounts.has(email)) throw new AppError('An account with this email already exists', 409);
  accounts.set(email, { email });
  res.status(201).json({ email });
});

app.use((err, req, res, next) => {
  if (err instanceof AppError) {
    return res.status(err.statusCode).json({ message: err.message });
  }
  console.error(err);
  res.status(500).json({ message: 'Internal server error' });
});

app.listen(3000);
