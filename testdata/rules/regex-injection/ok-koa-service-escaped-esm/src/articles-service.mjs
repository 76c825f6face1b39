import escapeStringRegexp from 'escape-string-regexp';
import { MongoClient } from 'mongodb';

const client = new MongoClient(process.env.MONGO_URL);
const articles = client.db('kb').collection('articles');

export async function searchArticles(text) {
  return articles.find({ title: { $regex: escapeStringRegexp(String(text)), $options: 'i' } }).toArray();
}

export async function countByAuthor(author) {
  const literal = escapeStringRegexp(String(author));
  return articles.countDocuments({ author: { $regex: new RegExp(`^${literal}$`, 'i') } });
}
