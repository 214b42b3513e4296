(self.latihSearchData=self.latihSearchData||{})["search/docs/4.32f91966"]="izbWUQpJzStJzEtX0lEqgbD0M/NSUiv0Mkpyc5R0DHSUlMDIIzEnMTcxTwGqSC8mTykWAA==";
