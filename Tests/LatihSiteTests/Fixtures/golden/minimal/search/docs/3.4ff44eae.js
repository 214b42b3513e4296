(self.latihSearchData=self.latihSearchData||{})["search/docs/3.4ff44eae"]="EMZ%ILK* F7Ti%$A3(k3`(O!OfRiŮC)dsĝG P2`b4Z(+2%bq$ʯk®)+";
