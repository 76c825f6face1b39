import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { User } from './user.schema';

@Injectable()
export class UsersService {
  constructor(@InjectModel(User.name) private readonly userModel: Model<User>) {}

  login(username: string, password: string) {
    return this.userModel.findOne({ username, password }); // expect: nosql-injection
  }

  byName(name: string) {
    return this.userModel.find({ username: name }).exec(); // expect: nosql-injection
  }
}
