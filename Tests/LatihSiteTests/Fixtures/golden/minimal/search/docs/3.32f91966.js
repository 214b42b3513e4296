(self.latihSearchData=self.latihSearchData||{})["search/docs/3.32f91966"]="izbSUfJKzCktUgjNylTSUSpILMko1s8Ciehn5qWkVuhllOTmKOkY6CgBZYMTS0oVskuLikuL9YBcpVgA";
