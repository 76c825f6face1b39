const mongoose = require('mongoose');

module.exports = mongoose.model('Ticket', new mongoose.Schema({ subject: String, body: String }));
