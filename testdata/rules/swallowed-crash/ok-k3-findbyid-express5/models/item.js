// The Item model.
const mongoose = require('mongoose');

const itemSchema = new mongoose.Schema({
  sku: { type: String, required: true, unique: true },
  name: String,
  quantity: { type: Number, default: 0 },
});

module.exports = mongoose.model('Item', itemSchema);
