// The User model.
const mongoose = require('mongoose');

const userSchema = new mongoose.Schema({ email: String, name: String, createdAt: { type: Date, default: Date.now } });

module.exports = mongoose.model('User', userSchema);
