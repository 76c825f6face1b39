// A checkout helper returns false on any error of the charge or the order update, so a charged card can be left with an unpaid order.
const express = require('express');
const Stripe = require('stripe');
const { Pool } = require('pg');

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
const pool = new Pool();
const app = express();

async function chargeOrder(order) {
  try {
    const intent = await stripe.paymentIntents.create({ amount: order.total, currency: 'eur', customer: order.customerId, confirm: true });
    await pool.query('UPDATE orders SET status = $1, payment_intent = $2 WHERE id = $3', ['paid', intent.id, order.id]);
    return true;
  } catch (err) { return false; } // expect: swallowed-crash
}

app.post('/orders/:id/pay', async (req, res, next) => {
  try {
    const { rows } = await pool.query('SELECT id, total, customer_id AS "customerId" FROM orders WHERE id = $1', [req.params.id]);
    if (rows.length === 0) return res.sendStatus(404);
    const paid = await chargeOrder(rows[0]);
    res.status(paid ? 200 : 402).json({ paid });
  } catch (err) {
    next(err);
  }
});

app.listen(3000);
