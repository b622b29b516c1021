(window.opsalignData=window.opsalignData||{})["search-incidents"]={"rows":[["INC-2",3,"WMS","Logistics",""],["INC-1",1,"Pricing","Claims","INI-003"]]};
