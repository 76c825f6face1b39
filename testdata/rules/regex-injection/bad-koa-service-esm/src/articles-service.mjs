import { MongoClient } from 'mongodb';

const client = new MongoClient(process.env.MONGO_URL);
const articles = client.db('kb').collection('articles');

export async function searchArticles(text) {
  return articles.find({ title: { $regex: text, $options: 'i' } }).toArray(); // expect: regex-injection
}

export async function countByAuthor(author) {
  return articles.countDocuments({ author: { $regex: new RegExp(`^${author}$`, 'i') } }); // expect: regex-injection
}
