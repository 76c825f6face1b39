import { User } from '../models/user';

export const userRepository = {
  async byEmailDomain(domain: string) {
    const pattern = `@${domain}$`;
    return User.find({ email: { $regex: pattern } }).lean(); // expect: regex-injection
  },
};
