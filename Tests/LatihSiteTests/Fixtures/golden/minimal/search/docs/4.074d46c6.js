(self.latihSearchData=self.latihSearchData||{})["search/docs/4.074d46c6"]=[[3,"Tentang","tentang/index.html",0,"","","Halaman tentang.\n"]];
