// The Order model.
const mongoose = require('mongoose');

const orderSchema = new mongoose.Schema({ customer: String, status: String, total: Number });

module.exports = mongoose.model('Order', orderSchema);
