const { Router } = require('express');
const mongoose = require('mongoose');

const Product = mongoose.model('Product', new mongoose.Schema({ category: String, brand: String }));
const router = Router();

// Express 5's default query parser gives strings (or arrays of strings), never objects.
router.get('/', async (req, res) => {
  const { category, brand } = req.query;
  res.json(await Product.find({ category, brand }));
});

module.exports = router;
