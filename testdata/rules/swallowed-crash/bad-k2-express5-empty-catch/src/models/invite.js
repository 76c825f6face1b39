// The Invite model.
const mongoose = require('mongoose');

const inviteSchema = new mongoose.Schema({
  email: { type: String, required: true },
  teamId: { type: mongoose.Schema.Types.ObjectId, required: true },
  sentAt: Date,
});

module.exports = mongoose.model('Invite', inviteSchema);
