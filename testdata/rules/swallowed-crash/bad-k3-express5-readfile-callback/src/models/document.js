// The Document model: metadata of a stored upload.
const mongoose = require('mongoose');

const documentSchema = new mongoose.Schema({
  storedName: { type: String, required: true },
  mimeType: { type: String, default: 'application/octet-stream' },
});

module.exports = mongoose.model('Document', documentSchema);
