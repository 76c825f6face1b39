const { MongoClient } = require('mongodb');

const client = new MongoClient(process.env.MONGO_URL || 'mongodb://localhost:27017');
const db = client.db('community');

async function seed({ users }) {
  const docs = Array.from({ length: users }, (_, i) => ({ name: `user${i}` }));
  const result = await db.collection('users').insertMany(docs);
  return { inserted: result.insertedCount };
}

module.exports = {
  seed,
  dropDatabase: () => db.dropDatabase(),
};
