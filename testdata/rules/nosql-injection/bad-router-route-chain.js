const express = require('express');
const mongoose = require('mongoose');

const Coupon = mongoose.model('Coupon', new mongoose.Schema({ code: String }));
const router = express.Router();

async function redeem(req, res) {
  const coupon = await Coupon.findOne({ code: req.body.code }); // expect: nosql-injection
  res.json({ valid: Boolean(coupon) });
}

router.route('/coupons/redeem').post(redeem);

const app = express();
app.use(express.json());
app.use(router);
app.listen(3000);
