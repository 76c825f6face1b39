const mongoose = require('mongoose');

module.exports = mongoose.model('Person', new mongoose.Schema({ name: String, email: String }));
