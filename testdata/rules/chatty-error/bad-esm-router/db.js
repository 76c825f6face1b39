// The shared MongoDB client.
import { MongoClient } from 'mongodb';

export const client = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017');
export const db = client.db('app');
