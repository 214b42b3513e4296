(self.latihSearchData=self.latihSearchData||{})["search/docs/3.074d46c6"]=[[2,"Jalur Uji","paths/jalur/index.html",0,"","Satu kursus.",""]];
