import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { UserModel } from './user.model';

// Route parameters are strings.
@Controller('users')
export class UsersController {
  @Get(':id')
  async findOne(@Param('id') id: string) {
    const user = await UserModel.findById(id);
    if (!user) {
      throw new NotFoundException();
    }
    return user;
  }

  @Get('by-handle/:handle')
  byHandle(@Param('handle') handle: string) {
    return UserModel.findOne({ handle });
  }
}
