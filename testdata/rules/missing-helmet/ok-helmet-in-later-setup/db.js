const mongoose = require('mongoose');

// Calls onReady once the connection is up; a service without its database is
// useless, so a failed first connect ends the process.
function connectDb(onReady) {
  mongoose
    .connect(process.env.MONGO_URL || 'mongodb://localhost:27017/orders')
    .then(() => onReady())
    .catch((err) => {
      console.error('mongo connect failed', err);
      process.exit(1);
    });
}

module.exports = { connectDb };
